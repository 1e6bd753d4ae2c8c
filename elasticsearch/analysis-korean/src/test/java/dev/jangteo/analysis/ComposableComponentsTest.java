package dev.jangteo.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

class ComposableComponentsTest {

    @Test
    void tokenizerAloneKeepsParticles() {
        Tokenizer tokenizer = new NoriTokenizerFactory().create();

        assertThat(Tokens.of(tokenizer, tokenizer, "서울에서")).containsExactly("서울", "에서");
    }

    @Test
    void partOfSpeechFilterDropsParticles() {
        Tokenizer tokenizer = new NoriTokenizerFactory().create();

        assertThat(Tokens.of(tokenizer, new KoreanPosFilterFactory().create(tokenizer), "서울에서 마라톤을"))
                .containsExactly("서울", "마라톤");
    }
}
