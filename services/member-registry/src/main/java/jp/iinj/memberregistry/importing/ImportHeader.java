package jp.iinj.memberregistry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

/**
 * The first row of an import file: which column is where. Checked before the import is accepted: a file whose
 * header names an unknown column, names one twice or lacks a required one is refused as a whole (400), since every
 * row would be read wrongly.
 */
record ImportHeader(Map<ImportColumn, Integer> positions, int width) {

    ImportHeader {
        positions = Map.copyOf(positions);
    }

    /** @throws FieldValidationException naming each bad header cell as {@code header[<0-based position>]} */
    static ImportHeader of(List<String> cells) {
        List<InvalidField> problems = new ArrayList<>();
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String field = "header[" + i + "]";
            Optional<ImportColumn> column = ImportColumn.named(cell);
            if (cell == null || cell.isBlank()) {
                problems.add(new InvalidField(field, "column " + (i + 1) + " has no name"));
            } else if (column.isEmpty()) {
                problems.add(new InvalidField(field, "unknown column; the columns are " + ImportColumn.headers()));
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                problems.add(new InvalidField(field, "names " + column.get().header() + " again"));
            }
        }
        for (ImportColumn required : ImportColumn.REQUIRED) {
            if (!positions.containsKey(required)) {
                problems.add(new InvalidField("header", "a column " + required.header() + " is required"));
            }
        }
        if (!positions.containsKey(ImportColumn.CORPORATE_NUMBER)
                && !positions.containsKey(ImportColumn.NO_CORPORATE_NUMBER_REASON)) {
            problems.add(new InvalidField("header", "a column corporate_number or no_corporate_number_reason is required"));
        }
        if (!problems.isEmpty()) {
            throw new FieldValidationException(problems);
        }
        return new ImportHeader(positions, cells.size());
    }

    /** The value of {@code column} among a row's values, {@code null} when the file has no such column. */
    String valueOf(ImportColumn column, List<String> values) {
        Integer position = positions.get(column);
        return position == null || position >= values.size() ? null : values.get(position);
    }
}
