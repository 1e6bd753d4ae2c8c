package dev.jangteo.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * English text: standard tokenizer → possessive 's removed → lowercase → English stop words → Porter stemming
 * (running, runs → run). The distribution we run lacks analysis-common, hence no built-in {@code english} analyzer;
 * Lucene's own EnglishAnalyzer is that very chain and its classes ship in Elasticsearch's lib/.
 */
@NamedComponent(EnglishAnalyzerFactory.NAME)
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "jangteo_english";

    @Override
    public Analyzer create() {
        return new EnglishAnalyzer();
    }
}
