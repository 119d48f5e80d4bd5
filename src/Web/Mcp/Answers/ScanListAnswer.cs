using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of list_scans.</summary>
public sealed record ScanListAnswer(
    [property: Description("Kept scans, newest first.")] IReadOnlyList<StoredScanAnswer> Scans,
    [property: Description("Pass as cursor for the next (older) page; null at the end.")] string? NextCursor,
    [property: Description("Which kind of history store answered (SQLite or PostgreSQL).")] string Store,
    [property: Description("Finished scans not written to history yet (they are listed once written).")] int PendingScans,
    [property: Description("Why history could not be written, for people; null when it works.")] string? StoreProblem);
