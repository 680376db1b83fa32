package nl.vertelpunt.storypoint.paper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.vertelpunt.card.render.CardPdf;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.ProblemException;

/**
 * The printable form of a story point, for a group without devices: A4, the welcome and privacy texts, the
 * roles to tick, the story prompt with room to write, and every question with its scale, options or triangle; a
 * stones question is only named, with the note that it is answered online only.
 * What is written on it is typed in afterwards on the paper entry screen (channel {@code papier}); the footer
 * names the story point and version, so the typist knows which form it was.
 */
@ApplicationScoped
public class PaperForm {

    /** More options than this are printed in two columns. */
    static final int ONE_COLUMN_MAX = 6;

    @CheckedTemplate(basePath = "paper")
    static class Templates {
        static native TemplateInstance form(PaperView form);
    }

    private final StoryPointService storyPoints;

    PaperForm(StoryPointService storyPoints) {
        this.storyPoints = storyPoints;
    }

    /** The paper form of the story point's current version as a PDF, in {@code lang} (Dutch when null). */
    public byte[] pdf(String slug, String lang) {
        return CardPdf.render(html(slug, lang));
    }

    /** The paper form as XHTML, the source of the PDF. */
    public String html(String slug, String lang) {
        StoryPointService.VersionView current = storyPoints.current(slug);
        String language = lang == null || lang.isBlank() ? "nl" : lang;
        if (!current.definition().languages().contains(language)) {
            throw ProblemException.invalid(
                    "lang",
                    "must be one of the story point's languages: "
                            + String.join(", ", current.definition().languages()));
        }
        return Templates.form(view(current.slug(), current.version(), current.definition(), language))
                .render();
    }

    static PaperView view(String slug, int version, StoryPointDefinition d, String lang) {
        Map<String, String> t = PaperTexts.of(lang);
        List<PaperView.QuestionView> questions =
                d.questions().stream().map(q -> question(d, q, lang, t)).toList();
        return new PaperView(
                lang,
                slug,
                version,
                text(d.title(), lang),
                text(d.intro(), lang),
                text(d.privacy(), lang),
                text(d.crisisHelp(), lang),
                d.roles().stream().map(r -> text(r.label(), lang)).toList(),
                text(d.storyPrompt(), lang),
                questions,
                t);
    }

    private static PaperView.QuestionView question(
            StoryPointDefinition d, Question q, String lang, Map<String, String> t) {
        String onlyFor = q.roles() == null
                ? null
                : t.get("onlyFor") + " "
                        + d.roles().stream()
                                .filter(r -> q.roles().contains(r.id()))
                                .map(Role::label)
                                .map(l -> l.in(lang))
                                .collect(Collectors.joining(", "));
        List<String> options = q.options() == null
                ? List.of()
                : q.options().stream()
                        .filter(Option::offered)
                        .map(o -> o.label().in(lang))
                        .toList();
        String instruction = switch (q.type()) {
            case SLIDER -> t.get("slider");
            case CHOICE -> t.get("choice");
            case MULTICHOICE ->
                q.max() == null
                        ? t.get("multichoice")
                        : t.get("multichoiceMax").replace("{max}", String.valueOf(q.max()));
            case TRIAD -> t.get("triad");
            // a field to place several items on is not offered on paper: it is named, with that said
            case STONES -> t.get("stones");
            case TEXT -> t.get("text");
        };
        return new PaperView.QuestionView(
                q.number(),
                q.type().id(),
                text(q.label(), lang),
                text(q.help(), lang),
                q.mustBeAnswered(),
                onlyFor,
                instruction,
                text(q.left(), lang),
                text(q.right(), lang),
                q.allowsNotApplicable(),
                rows(options),
                q.corners() == null
                        ? List.of()
                        : q.corners().stream().map(c -> c.in(lang)).toList());
    }

    /** Options in rows: one per row, or two per row (reading left to right) when there are many. */
    static List<List<String>> rows(List<String> options) {
        int perRow = options.size() > ONE_COLUMN_MAX ? 2 : 1;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < options.size(); i += perRow) {
            rows.add(options.subList(i, Math.min(options.size(), i + perRow)));
        }
        return rows;
    }

    private static String text(LocalizedText text, String lang) {
        return text == null ? null : text.in(lang);
    }
}
