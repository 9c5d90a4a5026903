package jp.iinj.memberregistry.importing;

/**
 * Why a row was not imported.
 *
 * @param row     the record number in the file (the header is row 1)
 * @param field   the CSV column, with the list position where it matters ({@code jsic_codes[1]}); {@code null} for
 *                the row as a whole
 * @param message what is wrong, never the value itself
 */
public record RowError(long row, String field, String message) {
}
