package dev.jangteo.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;

/**
 * The one Korean configuration the plugin's components share, so the analyzer and a custom analyzer composed of
 * {@code jangteo_nori_tokenizer} and {@code jangteo_korean_pos} cut text the same way.
 */
final class Korean {

    /**
     * MIXED keeps a dictionary compound as one token and also emits its parts at the same positions
     * (한강공원 → 한강공원, 한강, 공원): a query for a part finds the compound, and a query for the whole compound
     * scores documents holding exactly that compound above those that merely hold its parts somewhere. DISCARD (nori's
     * default) would keep only the parts, losing that distinction; NONE would keep only the whole, so 공원 would miss
     * 한강공원. Query parsing understands the overlapping tokens (a graph), so "한강공원" still matches as a unit.
     */
    static final DecompoundMode DECOMPOUND = DecompoundMode.MIXED;

    /** Unknown words stay whole: unigrams of every unknown syllable would flood the index with one-letter terms. */
    static final boolean UNKNOWN_UNIGRAMS = false;

    private Korean() {}

    /** Nori tokenizer → part-of-speech stop filter (particles, endings) → reading form (hanja → hangul) → lowercase. */
    static Analyzer analyzer() {
        return new KoreanAnalyzer(null, DECOMPOUND, KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, UNKNOWN_UNIGRAMS);
    }

    static KoreanTokenizer tokenizer() {
        return new KoreanTokenizer(KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null, DECOMPOUND, UNKNOWN_UNIGRAMS);
    }
}
