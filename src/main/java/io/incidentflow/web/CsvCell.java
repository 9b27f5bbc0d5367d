package io.incidentflow.web;

/** Cells of the CSV downloads of the API (the incident timeline, the restoration metrics). */
public final class CsvCell {

    private CsvCell() {
    }

    /**
     * A quoted CSV cell. Text that a spreadsheet would take for a formula (it starts with = + - @, a tab or a
     * carriage return; titles, notes and reasons are typed by people and by monitoring) gets a leading single
     * quote, as OWASP recommends against CSV injection.
     */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
