namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>An HTTP endpoint of the app: its route pattern, methods (empty: any), route parameters and known query parameters.</summary>
public sealed record DiscoveredEndpoint(string Pattern, IReadOnlyList<string> Methods, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> QueryParameters);
