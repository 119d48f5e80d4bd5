using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FinOps.Tests.Integration.AwsFake;

/// <summary>A verified request, decoded: who it is for and what it asks.</summary>
/// <param name="Service">SigV4 scope service.</param>
/// <param name="Region">SigV4 scope region.</param>
/// <param name="Operation">The operation name.</param>
/// <param name="Form">Query-protocol parameters (EC2, STS) or the S3 query string.</param>
/// <param name="Json">The JSON body (JSON protocols).</param>
/// <param name="Path">The request path (S3).</param>
public sealed record FakeCall(string Service, string Region, string Operation, IReadOnlyDictionary<string, StringValues> Form,
    JsonObject Json, PathString Path)
{
    public string? Param(string name) => Form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public string? JsonText(string name) => Json.TryGetPropertyValue(name, out var v) && v is JsonValue value ? value.ToString() : null;

    public int? JsonInt(string name) => Json.TryGetPropertyValue(name, out var v) && v is JsonValue value && value.TryGetValue<int>(out var i) ? i : null;
}
