namespace FinOps.Domain.Resources;

/// <summary>One AWS tag: a key and its (possibly empty) value.</summary>
public readonly record struct Tag(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}
