package dev.jangteo.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Korean text, with English words inside it lowercased: 서울에서 → 서울, 마라톤을 → 마라톤, Marathon → marathon. */
@NamedComponent(KoreanAnalyzerFactory.NAME)
public class KoreanAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "jangteo_korean";

    @Override
    public Analyzer create() {
        return Korean.analyzer();
    }
}
