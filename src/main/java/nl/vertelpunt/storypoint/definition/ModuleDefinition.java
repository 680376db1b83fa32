package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A question module: a named set of questions in the same format as a story point's, shared by the story points that
 * include it (a national core asked everywhere, a region's own theme). Its question ids are the same in every story
 * point, so that answers can be analysed across them. Storytellers never see the module, only its questions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleDefinition(String id, LocalizedText title, LocalizedText description, List<Question> questions) {}
