package id.rekam.identification;

import id.rekam.core.domain.FingerPosition;

import java.util.Map;

/**
 * Where the engine reads a short-listed person's templates for verification: the station's
 * sealed store, the server's database. Only the few people the index short-lists are read
 * per check, so the gallery's decoded templates never have to sit in memory. Called from
 * several threads at once; must be thread-safe.
 */
@FunctionalInterface
public interface TemplateSource {

    /** The person's serialised SourceAFIS templates by position; empty if the person is gone. */
    Map<FingerPosition, byte[]> templates(String personId);
}
