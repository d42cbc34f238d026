using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Applivery.Downloads.CommandLine;
using Applivery.Downloads.Reporting;

namespace Applivery.Downloads;

/// <summary>
/// <c>applivery-downloads</c>: who downloaded a build, from where and how, through the client that
/// Applivery.Generators generates from <c>spec/applivery-downloads-by-user.yaml</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ApiConnection.TokenVariable] = Environment.GetEnvironmentVariable(ApiConnection.TokenVariable),
                [ApiConnection.BaseAddressVariable] = Environment.GetEnvironmentVariable(ApiConnection.BaseAddressVariable),
            };
            return await RunAsync(args, Console.Out, Console.Error, environment, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Runs the tool in-process: the report (or the JSON, or the help) on <paramref name="output"/>; the embedded-server
    /// notice and any error, one line each, on <paramref name="error"/>.
    /// </summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where the result goes.</param>
    /// <param name="error">Where the notice and errors go.</param>
    /// <param name="environment">Read for <c>APPLIVERY_API_TOKEN</c> and <c>APPLIVERY_API_URL</c> instead of the process environment.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The exit code: 0 success, 1 the request failed, 2 invalid arguments, 130 cancelled.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);

        var parsed = ArgumentParser.Parse(args);
        if (parsed.Error is { } problem)
        {
            await error.WriteLineAsync($"error: {problem} (run with --help for usage)").ConfigureAwait(false);
            return ExitCodes.InvalidArguments;
        }

        var options = parsed.Options!;
        if (options.Help)
        {
            await output.WriteAsync(Usage.Text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        ApiConnection? connection = null;
        try
        {
            connection = await ApiConnection.OpenAsync(options, environment, error, cancellationToken).ConfigureAwait(false);
            var query = connection.Query;
            var response = await connection.Client.GetBuildDownloadsByUserAsync(
                query.OrganizationId, query.ApplicationId, query.BuildId, query.Email, query.From, query.To, cancellationToken).ConfigureAwait(false);

            if (options.Json)
            {
                JsonReport.Write(output, response);
            }
            else
            {
                TableReport.Write(output, query, response);
            }

            return ExitCodes.Success;
        }
#pragma warning disable CA1031 // The tool's contract: every failure is one line and an exit code, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var failure = Failures.Describe(exception, connection?.Query, connection?.BaseAddress, cancellationToken);
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return failure.ExitCode;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
