import {api} from '../api.js';
import {h, number, table} from '../ui.js';

/** Every coupon's uptake: copies issued of the total, and how many of those were spent on an order. */
export async function couponsPage(main) {
  const {coupons} = await api('/api/stats/coupons');
  const percent = (part, whole) => whole ? Math.round(100 * part / whole) : 0;
  main.append(table('Coupon uptake', [
    {label: 'Coupon', value: c => h('span', {title: c.couponId}, c.name)},
    {label: 'Discount', value: c => c.discountType === 'PERCENT' ? `${c.discountValue}%` : `₩${number(c.discountValue)}`},
    {label: 'Issued', num: true, value: c => `${number(c.issued)} of ${number(c.totalQuantity)}`},
    {label: 'Uptake', value: c => h('span', {'data-uptake': c.couponId},
        h('span', {class: 'bar-meter', style: null, 'aria-hidden': 'true', 'data-width': percent(c.issued, c.totalQuantity)}),
        ` ${percent(c.issued, c.totalQuantity)}%`)},
    {label: 'Redeemed', num: true, value: c => number(c.redeemed)},
    {label: 'Left', num: true, value: c => number(c.totalQuantity - c.issued)}
  ], coupons, 'No coupons defined.'));
  // Widths set from script, not inline style attributes: the page's policy allows no inline styles.
  main.querySelectorAll('.bar-meter').forEach(bar => { bar.style.width = `${bar.dataset.width / 20}rem`; });
}
