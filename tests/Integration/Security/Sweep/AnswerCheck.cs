using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FinOps.Tests.Integration.Mcp;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>
/// What an answer to hostile input must never be: a 5xx; a stack trace, an exception or a .NET type name; a server path,
/// an API key or a made-up credential; or, on <c>/mcp</c>, the SDK's catch-all "An error occurred" (the trace of an
/// unhandled failure). Text the request itself carried may come back (a refusal may quote it) and is not held against it.
/// </summary>
public sealed partial class AnswerCheck(IReadOnlyList<string> secrets, IReadOnlyList<string> serverPaths, IReadOnlyList<ShownOnPurpose> shownOnPurpose)
{
    /// <summary>What is wrong with an answer, or null when it is acceptable.</summary>
    public string? Problem(string requestText, int status, HttpResponseHeaders headers, HttpContentHeaders? contentHeaders, string body)
    {
        ArgumentNullException.ThrowIfNull(requestText);
        ArgumentNullException.ThrowIfNull(headers);
        if (status >= 500)
        {
            return $"server error {status}";
        }

        body = Exempt(requestText, body);
        var headerText = string.Join("\n", headers.Concat(contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => h.Key + ": " + string.Join(", ", h.Value)));
        foreach (var (where, text) in new[] { ("body", body), ("headers", headerText) })
        {
            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal))
            {
                return $"a stack trace in the {where}";
            }

            if (Leaked(TypeName().Matches(text), requestText) is { } typeName)
            {
                return $"the .NET name '{typeName}' in the {where}";
            }

            if (secrets.FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal)) is { } secret)
            {
                return $"a credential ({secret[..Math.Min(8, secret.Length)]}…) in the {where}";
            }

            if (serverPaths.FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal)) is { } path)
            {
                return $"the server path {path} in the {where}";
            }
        }

        var payload = RawMcp.Payload(body);
        var message = RawMcp.ErrorMessage(payload) ?? (RawMcp.IsToolError(payload) ? RawMcp.ToolText(payload) : null);
        return message is not null && message.StartsWith("An error occurred", StringComparison.Ordinal)
            ? $"the SDK's catch-all answer '{message}' (an unhandled failure)"
            : null;
    }

    /// <summary>The body without what its page shows on purpose (a request's text starts with its method and path).</summary>
    private string Exempt(string requestText, string body)
    {
        var path = requestText.Split('\n', 2)[0].Split(' ', 2) is [_, var target] ? target.Split('?', 2)[0] : "";
        return shownOnPurpose.Where(s => string.Equals(path, s.PagePath, StringComparison.OrdinalIgnoreCase))
            .Aggregate(body, (text, shown) => text.Replace(shown.Text, "", StringComparison.Ordinal));
    }

    private static string? Leaked(MatchCollection matches, string requestText) =>
        matches.Select(m => m.Value).FirstOrDefault(v => !requestText.Contains(v, StringComparison.Ordinal) && !IsFileName(v));

    /// <summary>Static files are named after the assembly (FinOps.Web.styles.css): a file name, not a type.</summary>
    private static bool IsFileName(string name) =>
        name.EndsWith(".css", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".mjs", StringComparison.Ordinal);

    /// <summary>Exception names and namespace-qualified type names of .NET, the SDKs and the app.</summary>
    [GeneratedRegex(@"\b(?:\w*Exception\b|(?:System|Microsoft|ModelContextProtocol|FinOps|MudBlazor|Amazon|SpreadCheetah|PdfSharp)\.[A-Z]\w*(?:\.\w+)*)")]
    private static partial Regex TypeName();
}
