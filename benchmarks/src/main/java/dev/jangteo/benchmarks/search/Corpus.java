package dev.jangteo.benchmarks.search;

import java.util.List;
import java.util.Random;

/**
 * Generated chat messages, Korean and English in turn, from small word lists with particles and inflections, so
 * that the analyzers have real work to do; seeded, so every run indexes the same text. {@link #queries()} are words
 * the texts contain.
 */
final class Corpus {

    private static final List<String> PLACES = List.of("서울", "부산", "제주도", "강릉", "전주", "경주", "인천공항",
                                                       "해운대", "한강공원", "남산타워");
    private static final List<String> PARTICLES = List.of("에서", "에", "으로", "까지", "부터");
    private static final List<String> THINGS = List.of("마라톤", "자전거", "비빔밥", "삼겹살", "기차표", "숙소",
                                                       "카메라", "우산", "여권", "커피");
    private static final List<String> OBJECT_PARTICLES = List.of("을", "를", "도", "은");
    private static final List<String> VERBS = List.of("예약했어요", "샀습니다", "찾았어요", "먹었어요", "잃어버렸어요",
                                                      "추천해 주세요", "공유합니다", "기다려요");
    private static final List<String> EN_SUBJECTS = List.of("We", "They", "My friends", "The guide", "Everyone");
    private static final List<String> EN_VERBS = List.of("booked", "are booking", "found", "ran", "are running",
                                                         "visited", "recommended", "shared");
    private static final List<String> EN_OBJECTS = List.of("a hotel", "the marathon", "train tickets",
                                                           "a bike tour", "the night market", "cheap flights",
                                                           "running shoes", "a camera");
    private static final List<String> EN_PLACES = List.of("Seoul", "Busan", "Jeju", "Gangnam", "Incheon",
                                                          "Gyeongju");

    private static final List<String> QUERIES = List.of("서울", "마라톤", "제주", "자전거", "기차표", "숙소",
                                                         "카메라 샀습니다", "booking", "marathon", "running shoes",
                                                         "hotel Seoul", "flights", "비빔밥", "night market",
                                                         "한강", "예약");

    private Corpus() {
    }

    static String message(Random random, long index) {
        if (index % 2 == 0) {
            return pick(random, PLACES) + pick(random, PARTICLES) + " " + pick(random, THINGS)
                    + pick(random, OBJECT_PARTICLES) + " " + pick(random, VERBS) + " #" + index;
        }
        return pick(random, EN_SUBJECTS) + " " + pick(random, EN_VERBS) + " " + pick(random, EN_OBJECTS) + " in "
                + pick(random, EN_PLACES) + " #" + index;
    }

    static List<String> queries() {
        return QUERIES;
    }

    private static String pick(Random random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
