namespace FinOps.Domain.Policy;

/// <summary>Which policy rule a violation breaks.</summary>
public enum ViolationKind
{
    MissingRequiredTag,
    KeyCaseMismatch,
    InvalidValue,
    InvalidFormat,
    ValueTooLong,
}
