using Microsoft.Extensions.Options;

namespace FinOps.Domain.Owners;

/// <summary>Fails start-up on a bad owner setting (malformed e-mail, a webhook that is not https, a missing or unreadable file), naming it.</summary>
public sealed class OwnersOptionsValidator : IValidateOptions<OwnersOptions>
{
    public ValidateOptionsResult Validate(string? name, OwnersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (_, errors) = OwnerDirectory.TryCreate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
