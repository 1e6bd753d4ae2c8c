package dev.jangteo.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishAnalyzerFactoryTest {

    private static final Analyzer ENGLISH = new EnglishAnalyzerFactory().create();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            running runs                 | run run
            The Runner's Marathons       | runner marathon
            Seoul is a city of parks     | seoul citi park
            """)
    void stemsLowercasesAndDropsStopWordsAndPossessives(String text, String expected) {
        assertThat(Tokens.of(ENGLISH, text)).containsExactly(expected.split(" "));
    }
}
