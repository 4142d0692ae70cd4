package id.rekam.diag;

import id.rekam.core.diag.Finding;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a {@link Check} reports through: findings (one per step, see {@link Step}) and, for the
 * screen only, the images of a test capture. The images never reach the report: a test
 * fingerprint or a test photo is a person's biometric data.
 */
public final class Probe {

    /** A check's body as a lambda (tests, the installer's small checks). */
    @FunctionalInterface
    public interface Work {
        void run(Probe probe) throws Exception;
    }

    private final String area;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Finding> findings;
    private final BiConsumer<String, BufferedImage> images;
    private volatile boolean closed;

    private final BiConsumer<String, String> prompts;

    Probe(String area, Texts texts, Clock clock, Consumer<Finding> findings, BiConsumer<String, BufferedImage> images,
          BiConsumer<String, String> prompts) {
        this.prompts = prompts;
        this.area = area;
        this.texts = texts;
        this.clock = clock;
        this.findings = findings;
        this.images = images;
    }

    public String area() {
        return area;
    }

    public Texts texts() {
        return texts;
    }

    /** Starts timing step {@code name}; its finding's id is {@code <area>.<name>}. */
    public Step step(String name) {
        return new Step(this, area + "." + name, clock.millis());
    }

    /** An image for the screen (a test print, a test frame), keyed by the finding it belongs to. */
    public void image(String findingId, BufferedImage image) {
        if (!closed) {
            images.accept(findingId, image);
        }
    }

    /** Asks the technician to act now (bundle key, formatted with {@code args}). */
    public void prompt(String key, Object... args) {
        if (!closed) {
            prompts.accept(area, texts.get(key, args));
        }
    }

    /** True once the engine stopped waiting for this check: it should give up. */
    public boolean abandoned() {
        return closed || Thread.currentThread().isInterrupted();
    }

    long now() {
        return clock.millis();
    }

    Finding emit(Finding f) {
        if (!closed) {
            findings.accept(f);
        }
        return f;
    }

    void close() {
        closed = true;
    }
}
