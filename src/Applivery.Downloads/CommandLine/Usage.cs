using Applivery.Downloads.Embedded;

namespace Applivery.Downloads.CommandLine;

/// <summary>The text of <c>--help</c>.</summary>
internal static class Usage
{
    public static string Text { get; } = $"""
        applivery-downloads: who downloaded a build of an Applivery app, from where and how.

        Usage:
          applivery-downloads --organization <id> --application <id> --build <id> [options]

        Options:
          -o, --organization <id>  Organization id or slug.
          -a, --application <id>   Application id or slug.
          -b, --build <id>         Build id (24 hexadecimal characters).
          -e, --email <email>      Only the downloads of the user with this email.
              --from <date>        Only downloads on or after this ISO 8601 date or date-time
                                   (2024-03-01, 2024-03-01T09:30:00Z; UTC unless an offset is given).
              --to <date>          Only downloads on or before it; a date alone includes the whole day.
              --json               Write the API response as JSON instead of the table.
          -h, --help               Show this help.

        Environment:
          {ApiConnection.TokenVariable}      API token, sent as "Authorization: Bearer <token>". Without it the
                                   tool runs on an embedded example server on 127.0.0.1 with example data,
                                   and the ids default to --organization {ExampleData.OrganizationId} --application {ExampleData.ApplicationId}
                                   --build {ExampleData.BuildId}.
          {ApiConnection.BaseAddressVariable}        Base address of the API when a token is set: https, or http on
                                   127.0.0.1/localhost only (default {ApiConnection.DefaultBaseAddress}).

        The table or the JSON goes to stdout; the embedded-server notice and any error, one line each, to stderr.
        Exit codes: 0 success, 1 the request failed, 2 invalid arguments, 130 cancelled.

        """;
}
