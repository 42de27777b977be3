package org.wiretrace.ingest;

import java.time.Instant;
import java.util.Optional;

/** What {@link MainTextExtractor} finds in a page: main text and metadata. */
public record ExtractedPage(
    String title,
    String text,
    Optional<String> byline,
    Optional<Instant> published,
    Optional<String> canonicalUrl,
    Optional<String> siteName,
    Optional<String> language) {}
