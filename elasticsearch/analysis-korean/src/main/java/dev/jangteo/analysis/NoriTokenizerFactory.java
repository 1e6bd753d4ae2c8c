package dev.jangteo.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** The tokenizer of {@code jangteo_korean} on its own, for custom analyzers that add their own filters. */
@NamedComponent(NoriTokenizerFactory.NAME)
public class NoriTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "jangteo_nori_tokenizer";

    @Override
    public Tokenizer create() {
        return Korean.tokenizer();
    }
}
