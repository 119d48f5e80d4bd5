namespace FinOps.Domain.Scanning;

/// <summary>Hands progress events to a callback on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class ProgressRelay<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
