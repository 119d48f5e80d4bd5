using System.Collections.Immutable;
using System.Net;
using System.Text;

namespace FinOps.Notifications;

/// <summary>
/// A message as every channel shows it: a title, facts (name and value), lines, and a footer. Channels format it
/// (Block Kit, Adaptive Card, signed JSON, e-mail); the e-mail's HTML and text bodies are also the panel's preview.
/// </summary>
/// <param name="Kind">owner_digest, finops_summary or test (in the generic webhook's JSON).</param>
/// <param name="Subject">The e-mail subject and the messages' short text.</param>
/// <param name="Title">The heading.</param>
/// <param name="Facts">Figures, in order.</param>
/// <param name="LinesHeading">What the lines are (e.g. "Violations, highest cost at stake first"), or null.</param>
/// <param name="Lines">One line per item.</param>
/// <param name="Footer">Where the figures come from (schedule, scan, as of).</param>
public sealed record MessageContent(
    string Kind,
    string Subject,
    string Title,
    ImmutableArray<(string Name, string Value)> Facts,
    string? LinesHeading,
    ImmutableArray<string> Lines,
    string Footer)
{
    /// <summary>The plain-text body.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append(Title).Append("\r\n\r\n");
        foreach (var (name, value) in Facts)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!Lines.IsEmpty)
        {
            text.Append("\r\n");
            if (LinesHeading is not null)
            {
                text.Append(LinesHeading).Append("\r\n");
            }

            foreach (var line in Lines)
            {
                text.Append("- ").Append(line).Append("\r\n");
            }
        }

        text.Append("\r\n").Append(Footer).Append("\r\n");
        return text.ToString();
    }

    /// <summary>The HTML body (every text HTML-encoded), as the e-mail shows it.</summary>
    public string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1f2933\">");
        html.Append("<h2 style=\"margin:0 0 12px\">").Append(E(Title)).Append("</h2>");
        html.Append("<table style=\"border-collapse:collapse;margin-bottom:12px\">");
        foreach (var (name, value) in Facts)
        {
            html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;font-weight:600\">").Append(E(name))
                .Append("</th><td style=\"padding:2px 0\">").Append(E(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (!Lines.IsEmpty)
        {
            if (LinesHeading is not null)
            {
                html.Append("<h3 style=\"margin:12px 0 6px\">").Append(E(LinesHeading)).Append("</h3>");
            }

            html.Append("<ul>");
            foreach (var line in Lines)
            {
                html.Append("<li>").Append(E(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p style=\"color:#61707d;font-size:12px\">").Append(E(Footer)).Append("</p></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
