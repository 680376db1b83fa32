package nl.vertelpunt.storypoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One published version of a question module. It is rewritten in place (its revision goes up) only while no story
 * point includes it; after that a change makes a new version, and story points move to it when they are published
 * again.
 */
@Entity
@Table(name = "question_module_version")
public class QuestionModuleVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_module_version_seq")
    @SequenceGenerator(
            name = "question_module_version_seq",
            sequenceName = "question_module_version_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "module_id")
    public String moduleId;

    public int version;

    public int revision;

    /** The canonical JSON of the module's definition. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static List<QuestionModuleVersion> listFor(String moduleId) {
        return list("moduleId = ?1 order by version", moduleId);
    }

    public static Optional<QuestionModuleVersion> findVersion(String moduleId, int version) {
        return find("moduleId = ?1 and version = ?2", moduleId, version).firstResultOptional();
    }
}
