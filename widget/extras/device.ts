/**
 * `device.type`: mobile, tablet or desktop, from User-Agent Client Hints where the browser has them
 * (`navigator.userAgentData`: `mobile`, and Android for a tablet), else from the user agent.
 */

type DeviceType = 'mobile' | 'tablet' | 'desktop';

interface NavigatorLike {
  userAgent: string;
  maxTouchPoints?: number;
  userAgentData?: { mobile?: unknown; platform?: unknown };
}

/**
 * The kind of device `navigator` describes.
 *
 * @example deviceType({ userAgent: '… iPhone …' }) // 'mobile'
 */
export function deviceType(navigator: NavigatorLike): DeviceType {
  const hints = navigator.userAgentData;
  if (hints && typeof hints.mobile === 'boolean') {
    if (hints.mobile) return 'mobile';
    // Client Hints say "not mobile" for Android tablets; other platforms are desktops.
    return hints.platform === 'Android' ? 'tablet' : 'desktop';
  }
  const agent = navigator.userAgent;
  // iPadOS presents itself as a Mac; only a touch screen tells them apart.
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i.test(agent)) return 'tablet';
  if (/Macintosh/.test(agent) && (navigator.maxTouchPoints ?? 0) > 1) return 'tablet';
  return /Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|Opera Mini/i.test(agent) ? 'mobile' : 'desktop';
}
