using System.Text;

namespace FinOps.Tests.Unit.Reports;

/// <summary>A strict RFC 4180 reader for checking what the writers produce (CRLF records, doubled quotes inside quoted fields).</summary>
internal static class CsvRecords
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i++;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"bare line break outside quotes at {i}");
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("last record does not end with CRLF");
        }

        return records;
    }
}
