package nl.vertelpunt.card.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * What a printed deck carries for those who check its numbers, outside the text a person reads: per card its id,
 * version, the full provenance (evaluation run, when, stories, dataset fingerprint, software version, the request
 * with its filter and settings) and its statistics (test, statistic, degrees of freedom, p, q, effect size, n). In
 * the PDF these are document properties (one per card, named after the card: "Kaart 7") and the same in XMP.
 *
 * @param entries the properties by name, in deck order
 */
record CardMetadata(List<DeckView.Fact> entries) {

    private static final String NAMESPACE = "https://vertelpunt.nl/ns/observatiekaart/1.0/";

    /** The metadata of a deck. */
    static CardMetadata of(List<CardDocument> cards) {
        List<DeckView.Fact> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CardDocument card : cards) {
            String name = "Kaart " + card.number();
            int n = seen.merge(name, 1, Integer::sum);
            entries.add(new DeckView.Fact(n == 1 ? name : name + " (" + n + ")", describe(card)));
        }
        return new CardMetadata(entries);
    }

    /** Everything about one card, as one line of text. */
    static String describe(CardDocument card) {
        List<String> parts = new ArrayList<>();
        parts.add("kaart " + Text.clean(card.id()));
        parts.add("versie " + card.version());
        CardDocument.Provenance p = card.provenance();
        if (p != null) {
            parts.add("patroonevaluatie " + Text.clean(p.runId()));
            if (p.evaluatedAt() != null) {
                parts.add("uitgevoerd " + p.evaluatedAt());
            }
            parts.add("verhalen " + p.stories());
            parts.add("vingerafdruk (SHA-256) " + Text.clean(p.fingerprint()));
            parts.add("software " + Text.clean(p.softwareVersion()));
            parts.add("verzoek "
                    + (p.settings() == null ? "{}" : Text.clean(p.settings().toString())));
        }
        if (card.pattern() != null) {
            List<String> kind = new ArrayList<>();
            kind.add(card.pattern().path("kind").asText());
            card.pattern().path("questions").forEach(q -> kind.add(q.asText()));
            parts.add("patroon " + Text.clean(String.join("|", kind)));
            String statistics = DeckViews.facts(card.pattern()).stream()
                    .map(f -> f.label() + " " + f.value())
                    .collect(Collectors.joining(", "));
            if (!statistics.isEmpty()) {
                parts.add("toets: " + statistics);
            }
        }
        return String.join("; ", parts);
    }

    /** The same as an XMP packet: a Vertelpunt description with one element per card. */
    String xmp() {
        StringBuilder x = new StringBuilder();
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:vp=\"")
                .append(NAMESPACE)
                .append("\">\n<vp:kaarten><rdf:Seq>\n");
        for (DeckView.Fact entry : entries) {
            x.append("<rdf:li rdf:parseType=\"Resource\"><vp:naam>")
                    .append(escape(entry.label()))
                    .append("</vp:naam><vp:gegevens>")
                    .append(escape(entry.value()))
                    .append("</vp:gegevens></rdf:li>\n");
        }
        x.append("</rdf:Seq></vp:kaarten>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString();
    }

    /** Puts the XMP packet in the document's catalog (the document properties come from the deck's meta tags). */
    void writeTo(PDDocument document) {
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp().getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the deck's XMP metadata", e);
        }
    }

    private static String escape(String text) {
        return Text.clean(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
