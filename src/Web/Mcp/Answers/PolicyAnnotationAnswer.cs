using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>A policy change in a history window: the score can move here without any resource changing.</summary>
public sealed record PolicyAnnotationAnswer(
    [property: Description("The first scan judged by the new policy.")] string ScanId,
    DateTimeOffset At,
    string FromVersion,
    string ToVersion,
    string PolicyHash,
    string Note);
