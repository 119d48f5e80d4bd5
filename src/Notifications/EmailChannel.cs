using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FinOps.Notifications;

/// <summary>
/// Sends e-mail over SMTP with MailKit: a multipart/alternative message with the text and HTML bodies. Connection
/// failures and SMTP 4xx replies are transient; 5xx replies (a refused recipient, a refused sender) are permanent.
/// </summary>
public sealed class EmailChannel(IOptions<NotificationOptions> options)
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    /// <summary>Whether an SMTP server is configured.</summary>
    public bool IsConfigured => _smtp.IsConfigured;

    /// <summary>The MIME message of a delivery.</summary>
    public MimeMessage Message(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_smtp.From ?? ""));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = delivery.Message.Subject;
        message.Body = new BodyBuilder { TextBody = delivery.Message.Text(), HtmlBody = delivery.Message.Html() }.ToMessageBody();
        return message;
    }

    /// <summary>One attempt.</summary>
    public async Task<AttemptOutcome> AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return AttemptOutcome.Permanent("no SMTP server is configured");
        }

        using var message = Message(delivery);
        using var client = new SmtpClient();
        try
        {
            var security = !_smtp.UseTls ? SecureSocketOptions.None : _smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_smtp.Host!, _smtp.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_smtp.UserName))
            {
                await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return AttemptOutcome.Success;
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var reason = $"SMTP {code} ({ex.ErrorCode switch { SmtpErrorCode.RecipientNotAccepted => "recipient refused", SmtpErrorCode.SenderNotAccepted => "sender refused", SmtpErrorCode.MessageNotAccepted => "message refused", _ => "command refused" }})";
            return code is >= 400 and < 500 ? AttemptOutcome.Transient(reason) : AttemptOutcome.Permanent(reason);
        }
        catch (AuthenticationException)
        {
            return AttemptOutcome.Permanent("SMTP sign-in refused");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            return AttemptOutcome.Transient("the SMTP connection failed");
        }
    }
}
