package dev.jangteo.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanAnalyzerFactoryTest {

    private static final Analyzer KOREAN = new KoreanAnalyzerFactory().create();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            서울에서                    | 서울
            마라톤을                    | 마라톤
            한강공원에서                | 한강 공원
            친구와 한강에서             | 친구 한강
            Seoul 마라톤 Marathon       | seoul 마라톤 marathon
            iPhone으로 찍은 사진은      | iphone 찍 사진
            """)
    void stripsParticlesAndLowercasesLatin(String text, String expected) {
        assertThat(Tokens.of(KOREAN, text)).containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            서울에서 마라톤을 달렸습니다  | 달리
            어제 친구를 만났다            | 만나
            새 신발을 샀어요              | 사
            """)
    void indexesAnInflectedVerbByItsStem(String text, String stem) {
        assertThat(Tokens.of(KOREAN, text)).contains(stem).doesNotContain("을", "를", "에서");
    }

    @Test
    void keepsADictionaryCompoundWholeAndAlsoItsParts() {
        List<String> terms = Tokens.of(KOREAN, "삼성전자에서");

        assertThat(terms).containsExactly("삼성전자", "삼성", "전자");
    }

    @Test
    void readsHanjaAsHangul() {
        assertThat(Tokens.of(KOREAN, "韓國")).containsExactly("한국");
    }
}
