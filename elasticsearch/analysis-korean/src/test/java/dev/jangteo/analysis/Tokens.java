package dev.jangteo.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The terms a token stream yields, in order, as plain strings. */
final class Tokens {

    private Tokens() {}

    static List<String> of(Analyzer analyzer, String text) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            return drain(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> of(Tokenizer tokenizer, TokenStream stream, String text) {
        tokenizer.setReader(new StringReader(text));
        try (stream) {
            return drain(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> drain(TokenStream stream) throws IOException {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        List<String> terms = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) {
            terms.add(term.toString());
        }
        stream.end();
        return terms;
    }
}
