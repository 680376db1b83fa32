package nl.vertelpunt.storypoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A question module: the stable identity behind its published versions. */
@Entity
@Table(name = "question_module")
public class QuestionModule extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "current_version_id")
    public Long currentVersionId;
}
