package dev.jangteo.benchmarks;

/**
 * Entry point: {@code java -jar benchmarks/target/benchmarks.jar [--key=value ...]}.
 * Exit status 0 when every check held, 1 when one failed or a scenario broke, 2 on bad options.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.print(Options.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.usage());
            return;
        }
        System.exit(new Runner(options, System.out).run());
    }
}
