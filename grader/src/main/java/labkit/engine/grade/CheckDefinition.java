package labkit.engine.grade;

import labkit.api.Category;
import labkit.api.Visibility;

/** A check as declared by its {@code @Check} annotation, known before any student code runs. */
public record CheckDefinition(String id, double points, Category category, String description, int timeoutSeconds,
        Visibility visibility) {}
