using FinOps.Domain.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinOps.Aws.Live;

/// <summary>
/// At start-up, says which AWS identity the scans will run as (STS GetCallerIdentity) or why none was found.
/// It runs in the background so a slow credential chain never delays the web host, and it never stops the app:
/// a scan without credentials fails with the same message.
/// </summary>
public sealed partial class AwsStartupCheck(StsAccountIdentity identity, AccountCredentials credentials, ILogger<AwsStartupCheck> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task<AwsIdentityCheck>? _check;

    /// <summary>The running or finished check (null before start).</summary>
    public Task<AwsIdentityCheck>? Completion => _check;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _check = CheckAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_check is not null)
        {
            await ((Task)_check).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Asks STS who the credentials belong to and logs the answer.</summary>
    public async Task<AwsIdentityCheck> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var caller = await identity.GetCallerAsync(cancellationToken).ConfigureAwait(false);
            var message = $"Scanning AWS account {caller.Account} as {caller.Arn} (credentials from {credentials.SourceDescription}).";
            LogIdentity(logger, caller.Account, caller.Arn, credentials.SourceDescription);
            return new AwsIdentityCheck(true, caller, message);
        }
        catch (ResourceSourceException ex)
        {
            LogNoIdentity(logger, ex.Message);
            return new AwsIdentityCheck(false, null, ex.Message);
        }
    }

    /// <summary>
    /// Stops the check. The token source is cancelled, not disposed (as BackgroundService does): a host may stop its
    /// services after the container that owns them was disposed, and StopAsync must still be able to cancel.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Scanning AWS account {Account} as {CallerArn} (credentials from {CredentialSource})")]
    private static partial void LogIdentity(ILogger logger, string account, string callerArn, string credentialSource);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "No AWS identity: {Reason}")]
    private static partial void LogNoIdentity(ILogger logger, string reason);
}
