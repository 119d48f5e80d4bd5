using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace FinOps.Tests.Integration.Notifications;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (its own port) speaking just enough for MailKit without TLS or sign-in: EHLO,
/// HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. Keeps every message with its envelope; recipients listed in
/// <see cref="Refuse"/> get a 550.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SmtpReceiver()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages received, with the envelope's sender and recipients.</summary>
    public ConcurrentQueue<(string From, IReadOnlyList<string> To, MimeMessage Message)> Messages { get; } = new();

    /// <summary>Recipients refused with 550.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new(StringComparer.OrdinalIgnoreCase);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.UTF8);
            var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP test");
            string? from = null;
            var to = new List<string>();
            try
            {
                while (await reader.ReadLineAsync(timeout.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync("250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                            break;
                        case "HELO" or "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RSET":
                            (from, to) = (null, []);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL":
                            from = Address(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var recipient = Address(line);
                            if (Refuse.ContainsKey(recipient))
                            {
                                await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                            }
                            else
                            {
                                to.Add(recipient);
                                await writer.WriteLineAsync("250 OK");
                            }

                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(timeout.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            using (var mime = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                            {
                                Messages.Enqueue((from ?? "", [.. to], await MimeMessage.LoadAsync(mime, timeout.Token)));
                            }

                            (from, to) = (null, []);
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 Command not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
