using System;

namespace Applivery.Downloads.CommandLine;

/// <summary>What the command line asked for, before defaults are applied. Ids are not checked here: the generated
/// client's validator is the one source of truth for their format.</summary>
internal sealed record ToolOptions
{
    public string? OrganizationId { get; init; }

    public string? ApplicationId { get; init; }

    public string? BuildId { get; init; }

    public string? Email { get; init; }

    /// <summary>Only downloads on or after this instant (<c>iniDate</c>).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only downloads on or before this instant (<c>endDate</c>).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Write the response as JSON instead of the table.</summary>
    public bool Json { get; init; }

    public bool Help { get; init; }
}
