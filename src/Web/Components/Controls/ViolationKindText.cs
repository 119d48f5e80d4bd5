using FinOps.Domain.Policy;

namespace FinOps.Web.Components.Controls;

/// <summary>How a violation kind reads on the dashboard (short, for grid cells and filter options).</summary>
public static class ViolationKindText
{
    public static string Label(ViolationKind kind) => kind switch
    {
        ViolationKind.MissingRequiredTag => "missing tag",
        ViolationKind.KeyCaseMismatch => "key case",
        ViolationKind.InvalidValue => "invalid value",
        ViolationKind.InvalidFormat => "invalid format",
        ViolationKind.ValueTooLong => "too long",
        _ => kind.ToWire(),
    };
}
