package nl.vertelpunt.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.moderation.ModerationService;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.ServiceMetrics;
import nl.vertelpunt.web.StorageException;
import nl.vertelpunt.web.Texts;

/** Takes in stories from the web form, exactly once per submission, and shows them to staff. */
@ApplicationScoped
@Transactional
public class StoryService {

    /**
     * What a storyteller's client hears back. {@code created} is false when the submission was already
     * stored; the receipt code (to withdraw the story later) is given only once, when it is created.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String id, int version, boolean complete, boolean created, String receiptCode) {}

    /** A stored story as staff see it. */
    public record StoryView(
            String id,
            String storyPoint,
            int version,
            String role,
            String channel,
            String language,
            String title,
            String text,
            JsonNode answers,
            Instant submittedAt,
            int wordCount,
            int answeredCount,
            boolean complete,
            boolean flagged,
            boolean hidden,
            List<ModerationService.FlagView> flags,
            String gathering) {}

    /** A field the web form hides from people; only form-filling robots put something in it. */
    public static final String HONEYPOT = "website";

    private static final Set<String> SUBMISSION_FIELDS = Set.of(
            "submissionId", "role", "language", "title", "text", "answers", HONEYPOT, "channel", "gathering", "toldOn");
    /** Longest label of a gathering ("Jongerencentrum De Schakel, 12 maart"). */
    public static final int MAX_GATHERING = 100;
    /** The day of a story told in person is the day in the Netherlands. */
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    /**
     * How a story came in, besides its content: the channel, and for stories taken in person the label of
     * the gathering and the day it was told or written.
     */
    private record Intake(Channel channel, String gathering, LocalDate toldOn) {}

    private final AgroalDataSource dataSource;
    private final StoryStore store;
    private final Definitions definitions;
    private final ObjectMapper mapper;
    private final Access access;
    private final StoryPointService storyPoints;
    private final Flagger flagger;
    /** Slugs never change their id, so they can be remembered. */
    private final Map<String, Long> storyPointIds = new ConcurrentHashMap<>();

    StoryService(
            AgroalDataSource dataSource,
            StoryStore store,
            Definitions definitions,
            ObjectMapper mapper,
            Access access,
            StoryPointService storyPoints,
            Flagger flagger) {
        this.storyPoints = storyPoints;
        this.flagger = flagger;
        this.dataSource = dataSource;
        this.store = store;
        this.definitions = definitions;
        this.mapper = mapper;
        this.access = access;
    }

    /**
     * Stores a story from the web form. A submission id that is already stored gives the first story
     * back and stores nothing. Returns only after the story is durably committed. This hot path uses
     * one plain JDBC transaction of three round trips (lock and read, insert, commit) rather than JTA.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Receipt submit(String slug, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!SUBMISSION_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        JsonNode honeypot = body.get(HONEYPOT);
        if (honeypot != null
                && !honeypot.isNull()
                && !(honeypot.isTextual() && honeypot.asText().isEmpty())) {
            errors.add(new FieldError(HONEYPOT, "must be left empty"));
        }
        UUID submissionId = submissionId(body.get("submissionId"), errors);
        String role = text(body, "role", errors);
        String language = text(body, "language", errors);
        String title = text(body, "title", errors);
        String storyText = text(body, "text", errors);
        Map<String, JsonNode> answers = answers(body.get("answers"), errors);
        Intake intake = intake(slug, body, errors);

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Receipt receipt =
                        submit(c, slug, submissionId, role, language, title, storyText, answers, intake, errors);
                c.commit();
                if (receipt.created()) {
                    ServiceMetrics.storyReceived(slug, intake.channel().id(), 1);
                }
                return receipt;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private Receipt submit(
            Connection c,
            String slug,
            UUID submissionId,
            String role,
            String language,
            String title,
            String storyText,
            Map<String, JsonNode> answers,
            Intake intake,
            List<FieldError> errors)
            throws SQLException {
        long pointId = storyPointId(c, slug);
        StoryStore.Current current = store.lockAndRead(c, pointId, submissionId);
        if (current.existing().isPresent()) {
            StoryStore.Existing e = current.existing().get();
            if (e.storyPointId() != pointId) {
                throw ProblemException.conflict("submissionId", "was already used for a story at another story point");
            }
            return new Receipt(e.id(), e.version(), e.complete(), false, null);
        }
        StoryPointDefinition definition = definitions.get(
                current.versionId(), current.revision(), () -> store.definitionJson(c, current.versionId()));
        // a story told in person keeps only its day: with the gathering's label, the minute would tell
        // who at the table told which story
        Instant now = intake.toldOn() == null
                ? Instant.now().truncatedTo(ChronoUnit.SECONDS)
                : intake.toldOn().atTime(12, 0).toInstant(ZoneOffset.UTC);
        StoryRules.Incoming in = new StoryRules.Incoming(
                StoryIds.next(),
                submissionId,
                role,
                intake.channel(),
                language,
                title,
                storyText,
                answers,
                now,
                intake.gathering());
        StoryDraft draft = StoryRules.check(definition, in, "answers.", AnswerValidator.Mode.FORM, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the storyteller at a verteltafel or on paper gets no receipt code: it would be shown on (or typed
        // into) the facilitator's device, not kept by the storyteller; they ask the facilitator instead
        String receiptCode = intake.channel() == Channel.ONLINE ? Receipts.newCode() : null;
        if (!store.insertSubmission(
                c,
                pointId,
                current.versionId(),
                draft,
                flagger.flags(draft.title(), draft.text()),
                receiptCode == null ? null : Receipts.hash(receiptCode))) {
            // the same submission arrived twice at the same moment; the other one was stored
            StoryStore.Existing e =
                    store.current(c, pointId, submissionId).existing().orElseThrow();
            return new Receipt(e.id(), e.version(), e.complete(), false, null);
        }
        return new Receipt(draft.id(), current.version(), draft.complete(), true, receiptCode);
    }

    /** One story, for staff of its story point. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryView get(String slug, String id) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        String sql = """
                SELECT s.id, v.version, s.role, s.channel, s.language, s.title, s.text, s.answers::text, s.submitted_at,
                       s.word_count, s.answered_count, s.complete, s.flagged, s.hidden, s.pk, s.gathering
                FROM story s JOIN story_point_version v ON v.id = s.version_id
                WHERE s.story_point_id = ? AND s.id = ?""";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, point.id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("There is no story '" + id + "' at story point '" + slug + "'.");
                }
                return new StoryView(
                        rs.getString(1),
                        slug,
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        mapper.readTree(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getInt(10),
                        rs.getInt(11),
                        rs.getBoolean(12),
                        rs.getBoolean(13),
                        rs.getBoolean(14),
                        ModerationService.flagsOf(c, rs.getLong(15)),
                        rs.getString(16));
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a submission asks for a channel that only staff may use; such a submission is not counted
     * against the per-address limit (a verteltafel sends its whole queue at once from one address).
     */
    public static boolean staffChannel(JsonNode body) {
        JsonNode channel = body.get("channel");
        return channel != null
                && channel.isTextual()
                && (channel.asText().equals(Channel.VERTELTAFEL.id())
                        || channel.asText().equals(Channel.PAPIER.id()));
    }

    /**
     * The channel of a submission and what comes with it. Anonymous storytellers share online; stories of
     * a verteltafel or from paper are sent by a signed-in facilitator of the story point (or an admin),
     * with an optional gathering label and the day the story was told or the form was written (today when
     * not given; not in the future, not before the story point existed).
     */
    private Intake intake(String slug, JsonNode body, List<FieldError> errors) {
        String channelId = text(body, "channel", errors);
        Channel channel =
                channelId == null ? Channel.ONLINE : Channel.fromId(channelId).orElse(null);
        if (channel == null || channel == Channel.IMPORT) {
            errors.add(new FieldError("channel", "'" + channelId + "' is not one of online, verteltafel, papier"));
            channel = Channel.ONLINE;
        }
        String gathering = text(body, "gathering", errors);
        gathering = Texts.isBlank(gathering) ? null : gathering.strip();
        String toldOnText = text(body, "toldOn", errors);
        if (channel == Channel.ONLINE) {
            if (gathering != null) {
                errors.add(new FieldError("gathering", "is only for stories of a verteltafel or from paper"));
            }
            if (toldOnText != null) {
                errors.add(new FieldError("toldOn", "is only for stories of a verteltafel or from paper"));
            }
            return new Intake(channel, null, null);
        }
        StoryPoint point = storyPoints.find(slug);
        requireFacilitator(point, channel);
        if (gathering != null && StoryRules.length(gathering) > MAX_GATHERING) {
            errors.add(new FieldError(
                    "gathering",
                    "is longer than " + MAX_GATHERING + " characters (" + StoryRules.length(gathering) + ")"));
        } else if (gathering != null && gathering.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("gathering", "must be one line of text"));
        }
        LocalDate today = LocalDate.now(DUTCH_TIME);
        LocalDate toldOn = today;
        if (toldOnText != null) {
            toldOn = Dates.parse(toldOnText);
            LocalDate first = point.createdAt.atZone(DUTCH_TIME).toLocalDate();
            if (toldOn == null) {
                errors.add(new FieldError("toldOn", Dates.notADate(toldOnText)));
                toldOn = today;
            } else if (toldOn.isAfter(today.plusDays(1))) {
                errors.add(new FieldError("toldOn", "is in the future (" + toldOnText + ")"));
            } else if (toldOn.isBefore(first)) {
                errors.add(new FieldError("toldOn", "is before this story point existed (" + first + ")"));
            }
        }
        return new Intake(channel, errors.isEmpty() ? gathering : null, toldOn);
    }

    private void requireFacilitator(StoryPoint point, Channel channel) {
        String why = "stories of channel '" + channel.id()
                + "' are sent by a signed-in facilitator of this story point or an admin";
        try {
            access.require(point, StaffRole.FACILITATOR);
        } catch (UnauthorizedException e) {
            throw new ProblemException(
                    401,
                    "Unauthorized",
                    "channel: " + why + "; sign in first.",
                    List.of(new FieldError("channel", why)));
        } catch (ForbiddenException | ProblemException e) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "channel: " + why + "; your account is not one.",
                    List.of(new FieldError("channel", why)));
        }
    }

    private long storyPointId(Connection c, String slug) throws SQLException {
        Long id = storyPointIds.get(slug);
        if (id == null) {
            id = store.storyPointId(c, slug).orElseThrow(() -> StoryPointService.unknown(slug, "slug"));
            storyPointIds.put(slug, id);
        }
        return id;
    }

    private static UUID submissionId(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("submissionId", "is required: a UUID made once per story by the client"));
            return null;
        }
        try {
            if (node.isTextual() && node.asText().length() == 36) {
                return UUID.fromString(node.asText());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("submissionId", "must be a UUID such as 3f0e8c52-6f4e-4c8e-9a51-2b7f1d7c9e10"));
        return null;
    }

    private static String text(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(name, "must be a text"));
            return null;
        }
        return node.asText();
    }

    private static Map<String, JsonNode> answers(JsonNode node, List<FieldError> errors) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return answers;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("answers", "must be an object of answers by question id"));
            return answers;
        }
        node.fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
        return answers;
    }
}
