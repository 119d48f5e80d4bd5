namespace FinOps.Domain.History;

/// <summary>Whether the history store answers, and what a reader should know when it does not.</summary>
/// <param name="Reachable">It answered a query just now.</param>
/// <param name="Provider">Which database (e.g. "SQLite", "PostgreSQL").</param>
/// <param name="Detail">For people: where it is (without secrets) or why it failed.</param>
public sealed record StoreHealth(bool Reachable, string Provider, string Detail);
