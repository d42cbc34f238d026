using System;

namespace Applivery.Generators.OpenApi;

/// <summary>
/// The escaping of one JSON pointer segment (RFC 6901): <c>~</c> is written <c>~0</c> and <c>/</c> is written <c>~1</c>.
/// Every pointer the generator builds or follows goes through here.
/// </summary>
internal static class JsonPointer
{
    /// <summary>A name (a schema, property, path or media type) as a pointer segment: <c>/pets</c> becomes <c>~1pets</c>.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The name a pointer segment stands for: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>.</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>
    /// The name a segment of a URI fragment (<c>#/components/schemas/...</c>) stands for: first the percent-encoding
    /// URI fragments allow, then <see cref="Unescape"/>.
    /// </summary>
    public static string UnescapeFragment(string segment)
    {
        if (segment.IndexOf('%') >= 0)
        {
            try
            {
                segment = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                // Keep the segment as written; the lookup will report it if it does not exist.
            }
        }

        return Unescape(segment);
    }
}
