using System;
using System.IO;
using System.Text;
using Applivery.Downloads.Api;

namespace Applivery.Downloads.Reporting;

/// <summary>Writes the response as indented JSON with the generated writer: the wire names and values of the spec.</summary>
internal static class JsonReport
{
    public static void Write(TextWriter output, DownloadsByUserResponse response)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        // Relaxed escaping keeps "São Paulo" readable on a terminal; the output is not embedded in HTML.
        var json = AppliveryClientJson.Serialize(response, AppliveryClientJson.WriteDownloadsByUserResponse, indented: true, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        output.WriteLine(Encoding.UTF8.GetString(json));
    }
}
