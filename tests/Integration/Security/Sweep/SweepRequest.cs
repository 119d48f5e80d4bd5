using System.Text;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>One generated request, as data: printed when it fails, and turned into an <see cref="HttpRequestMessage"/> to send.</summary>
public sealed record SweepRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, string? ContentType)
{
    /// <summary>Everything the request carries, to tell the server's own words from an echo of the input.</summary>
    public string Text => $"{Method} {PathAndQuery}\n{string.Join("\n", Headers.Select(h => h.Key + ": " + h.Value))}\n{ContentType}\n{Body}";

    /// <summary>The request to send; null when the HTTP client itself cannot express it (the server never sees it).</summary>
    public HttpRequestMessage? ToMessage()
    {
        try
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
                if (ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            foreach (var (name, value) in Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return message;
        }
        catch (Exception ex) when (ex is UriFormatException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    public override string ToString()
    {
        var body = Body is null ? "" : " " + (Body.Length > 300 ? Body[..300] + "…" : Body);
        var path = PathAndQuery.Length > 200 ? PathAndQuery[..200] + "…" : PathAndQuery;
        return $"{Method} {path} [{string.Join("; ", Headers.Select(h => h.Key + ": " + (h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)))}]" +
            (ContentType is null ? "" : $" ({ContentType})") + body;
    }
}
