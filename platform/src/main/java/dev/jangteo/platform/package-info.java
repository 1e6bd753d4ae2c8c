/**
 * Plumbing both apps share and no domain: the Axon serializer and transaction wiring, audit metadata on every
 * message, the PostgreSQL event table, and problem+json errors. Apps pick it up by component scanning.
 */
package dev.jangteo.platform;
