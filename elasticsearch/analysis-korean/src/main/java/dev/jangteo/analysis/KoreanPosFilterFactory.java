package dev.jangteo.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops particles, endings and other parts of speech nobody searches for (nori's default stop tags). */
@NamedComponent(KoreanPosFilterFactory.NAME)
public class KoreanPosFilterFactory implements TokenFilterFactory {

    public static final String NAME = "jangteo_korean_pos";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new KoreanPartOfSpeechStopFilter(tokenStream);
    }
}
