namespace FinOps.Domain.Reports;

/// <summary>
/// The one defence against CSV formula injection (OWASP): a text cell that a spreadsheet would read as a formula —
/// starting with <c>= + - @</c>, a tab or a carriage return — is prefixed with an apostrophe so it stays text.
/// Applied to text cells only; numbers are written as numbers.
/// </summary>
public static class FormulaInjection
{
    /// <summary>The value made safe to open in a spreadsheet.</summary>
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
