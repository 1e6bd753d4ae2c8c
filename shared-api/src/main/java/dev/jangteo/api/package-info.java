/**
 * The messages both apps agree on: commands, events and their value types, one package per bounded context.
 * Plain records validated in their compact constructors, so a message that can never be valid cannot exist.
 * {@code audit} holds how each aggregate's events fold into the state auditors see, next to the events it folds.
 * Only Axon's routing and revision annotations are allowed here (see {@code ArchitectureTest}).
 */
package dev.jangteo.api;
