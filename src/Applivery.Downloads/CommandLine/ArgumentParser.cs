using System;
using System.Collections.Generic;

namespace Applivery.Downloads.CommandLine;

/// <summary>The outcome of parsing: options, or one line saying what is wrong.</summary>
internal sealed class ParseResult
{
    private ParseResult(ToolOptions? options, string? error)
    {
        Options = options;
        Error = error;
    }

    public ToolOptions? Options { get; }

    public string? Error { get; }

    public static ParseResult Success(ToolOptions options) => new(options, null);

    public static ParseResult Failure(string error) => new(null, error);
}

/// <summary>
/// Parses <c>--name value</c> and <c>--name=value</c> options. Unknown options, positional arguments, a missing value,
/// an option given twice, a date that is not ISO 8601 and <c>--from</c> after <c>--to</c> are errors;
/// <c>--help</c> anywhere wins over everything else.
/// </summary>
internal static class ArgumentParser
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["-o"] = "--organization",
        ["-a"] = "--application",
        ["-b"] = "--build",
        ["-e"] = "--email",
        ["-h"] = "--help",
        ["-?"] = "--help",
    };

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--organization", "--application", "--build", "--email", "--from", "--to",
    };

    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var arg in args)
        {
            if (Canonical(arg) == "--help")
            {
                return ParseResult.Success(new ToolOptions { Help = true });
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = false;
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = Canonical(equals < 0 ? arg : arg[..equals]);

            if (name == "--json")
            {
                if (equals >= 0)
                {
                    return ParseResult.Failure("--json takes no value");
                }

                json = true;
                continue;
            }

            if (!ValueOptions.Contains(name))
            {
                return ParseResult.Failure(arg.StartsWith('-') ? $"unknown option '{arg}'" : $"unexpected argument '{arg}'");
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++index];
            }
            else
            {
                return ParseResult.Failure($"{name} needs a value");
            }

            if (value.Length == 0)
            {
                return ParseResult.Failure($"{name} needs a value");
            }

            if (!values.TryAdd(name, value))
            {
                return ParseResult.Failure($"{name} is given more than once");
            }
        }

        return Build(values, json);
    }

    private static ParseResult Build(Dictionary<string, string> values, bool json)
    {
        DateTimeOffset? from = null;
        DateTimeOffset? to = null;
        if (values.TryGetValue("--from", out var fromText))
        {
            if (!IsoDate.TryParse(fromText, endOfDay: false, out var parsed))
            {
                return ParseResult.Failure(NotADate("--from", fromText));
            }

            from = parsed;
        }

        if (values.TryGetValue("--to", out var toText))
        {
            if (!IsoDate.TryParse(toText, endOfDay: true, out var parsed))
            {
                return ParseResult.Failure(NotADate("--to", toText));
            }

            to = parsed;
        }

        if (from > to)
        {
            return ParseResult.Failure($"--from ({fromText}) is after --to ({toText})");
        }

        return ParseResult.Success(new ToolOptions
        {
            OrganizationId = values.GetValueOrDefault("--organization"),
            ApplicationId = values.GetValueOrDefault("--application"),
            BuildId = values.GetValueOrDefault("--build"),
            Email = values.GetValueOrDefault("--email"),
            From = from,
            To = to,
            Json = json,
        });
    }

    private static string Canonical(string name) => Aliases.TryGetValue(name, out var canonical) ? canonical : name;

    private static string NotADate(string option, string text) =>
        $"{option} '{text}' is not an ISO 8601 date or date-time (such as 2024-03-01 or 2024-03-01T09:30:00Z)";
}
