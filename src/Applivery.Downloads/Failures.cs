using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using Applivery.Downloads.Api;

namespace Applivery.Downloads;

/// <summary>One line for a failure, and the exit code that goes with it.</summary>
internal sealed record Failure(string Message, int ExitCode);

/// <summary>
/// Turns whatever ended a run into one line for stderr, never a stack trace: the generated validator's message for a
/// bad id, what a 401/403/404 means for this call, what failed on the network, or, last, the exception's own message.
/// </summary>
internal static class Failures
{
    private const int MaxMessageLength = 400;

    /// <summary>The operation's parameters, by the name the generated validator gives them, and the options that set them.</summary>
    private static readonly Dictionary<string, string> OptionsByParameter = new(StringComparer.Ordinal)
    {
        ["organizationId"] = "--organization",
        ["applicationId"] = "--application",
        ["buildId"] = "--build",
        ["email"] = "--email",
        ["iniDate"] = "--from",
        ["endDate"] = "--to",
    };

    /// <param name="exception">What ended the run.</param>
    /// <param name="query">The call that was made, when it got that far.</param>
    /// <param name="baseAddress">Where the call was sent, when it got that far.</param>
    /// <param name="cancellationToken">The run's token: cancelled means Ctrl+C rather than a timeout.</param>
    public static Failure Describe(Exception exception, DownloadsQuery? query, Uri? baseAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failure = Classify(exception, query, baseAddress, cancellationToken);
        return failure with { Message = Escape(failure.Message) };
    }

    private static Failure Classify(Exception exception, DownloadsQuery? query, Uri? baseAddress, CancellationToken cancellationToken) =>
        exception switch
        {
            ToolException tool => new Failure("error: " + OneLine(tool.Message), tool.ExitCode),
            OperationCanceledException when cancellationToken.IsCancellationRequested => new Failure("cancelled", ExitCodes.Cancelled),
            ArgumentException argument when argument.ParamName is { } name && OptionsByParameter.TryGetValue(name, out var option) =>
                new Failure($"error: invalid {option}: {WithoutParameterSuffix(argument)}", ExitCodes.InvalidArguments),
            AppliveryClientException api => new Failure("error: " + Describe(api, query, baseAddress), ExitCodes.RequestFailed),
            HttpRequestException network => new Failure($"error: could not reach the Applivery API at {baseAddress}: {OneLine(WithInner(network))}", ExitCodes.RequestFailed),
            OperationCanceledException => new Failure(
                $"error: the request to {baseAddress} timed out after {ApiConnection.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds",
                ExitCodes.RequestFailed),
            _ => new Failure($"error: unexpected {exception.GetType().Name}: {OneLine(exception.Message)}", ExitCodes.RequestFailed),
        };

    private static string Describe(AppliveryClientException exception, DownloadsQuery? query, Uri? baseAddress)
    {
        var status = "HTTP " + exception.StatusCode.ToString(CultureInfo.InvariantCulture) + ApiError(exception);
        return exception.StatusCode switch
        {
            401 => $"unauthorized ({status}): the API token is missing or invalid; check {ApiConnection.TokenVariable}",
            403 => $"forbidden ({status}): the API token may not list the downloads of this build (it needs the permission mad.download.management.list)",
            // The API's own 404 (code 3001) means an entity; a bare 404 may as well come from a wrong address or a proxy.
            404 when query is not null && exception.Body is GetBuildDownloadsByUserNotFoundResponse =>
                $"not found ({status}): organization '{query.OrganizationId}', application '{query.ApplicationId}' or build '{query.BuildId}' does not exist or is not visible to this token",
            404 when query is not null =>
                $"not found ({status}) at {baseAddress}: the address does not serve this operation, or organization '{query.OrganizationId}', application '{query.ApplicationId}' or build '{query.BuildId}' does not exist",
            _ => OneLine(exception.Message),
        };
    }

    /// <summary>The API's own code and message (<c>, error 4004: Invalid Token</c>), when the body had them.</summary>
    private static string ApiError(AppliveryClientException exception)
    {
        if (exception.ErrorCode is null && exception.ErrorMessage is null)
        {
            return string.Empty;
        }

        var code = exception.ErrorCode?.ToString(CultureInfo.InvariantCulture);
        return ", error " + string.Join(": ", new[] { code, exception.ErrorMessage }.Where(part => !string.IsNullOrEmpty(part)));
    }

    /// <summary><see cref="ArgumentException.Message"/> appends <c>(Parameter 'buildId')</c>; the line already names the option.</summary>
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }

    /// <summary>"The SSL connection could not be established, see inner exception." says little on its own.</summary>
    private static string WithInner(HttpRequestException exception) =>
        exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? exception.Message + " (" + inner.Message + ")"
            : exception.Message;

    /// <summary>Whitespace runs, newlines included, become one space (an HTML error page, say); long text is cut.</summary>
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character) || char.IsControl(character))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(character);
            }
        }

        var line = builder.ToString().Trim();
        return line.Length <= MaxMessageLength ? line : line[..MaxMessageLength] + "…";
    }

    /// <summary>Control characters (in an id the user typed, say) are shown, not obeyed: <c>'abc\n'</c>; the line stays one line.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            _ = character switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(character) => builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(character),
            };
        }

        return builder.ToString();
    }
}
